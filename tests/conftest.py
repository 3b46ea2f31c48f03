import pytest

import isnad
from isnad.evaluation.common import DataMissing, shared_data


@pytest.fixture(scope="session")
def nlp():
    return isnad.load()


@pytest.fixture(scope="session")
def example_text():
    return isnad.example_text()


@pytest.fixture(scope="session")
def example_doc(nlp, example_text):
    return nlp(example_text, published="2022-01-27")


@pytest.fixture(scope="session")
def example_record(example_doc):
    return example_doc.to_json()


def require_shared(*parts):
    """The path under ../shared/data, or skip the test saying what is missing."""
    try:
        return shared_data(*parts)
    except DataMissing as e:
        pytest.skip(f"{e}: this test evaluates on the shared data, which only CI and "
                    f"developer machines have")
