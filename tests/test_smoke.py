import graphkit


def test_public_api_is_sorted_and_importable():
    assert graphkit.__all__ == sorted(graphkit.__all__)
    for name in graphkit.__all__:
        assert hasattr(graphkit, name), name
