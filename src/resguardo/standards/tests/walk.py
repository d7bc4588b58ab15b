"""The standards catalog for the cross-app walks (tests/integration): shared reference data,
so its routes name catalog objects every organization sees alike."""

from resguardo.testing.walk import WalkFixtures

URL_KWARGS = {
    "standards:requirement": lambda w: {"urn": "urn:resguardo:neec-aa:2023:1.1"},
    "standards:oscal": lambda w: {"urn": "urn:resguardo:neec-aa:2023"},
    "api:framework-detail": lambda w: {"key": "neec-aa"},
    "api:library-detail": lambda w: {"urn": "urn:resguardo:neec-aa:2023"},
    "api:requirement-detail": lambda w: {"urn": "urn:resguardo:neec-aa:2023:1.1"},
    "api:mapping-detail": lambda w: {"pk": 1},
    "api:checklist-detail": lambda w: {"pk": 1},
}

WALK = WalkFixtures(
    url_kwargs=URL_KWARGS,
    shared_object_routes={
        name: "the standards catalog is the same for everyone" for name in URL_KWARGS
    },
)
