"""The organization's own RFCs screened against the SAT lists, again on every new version."""

from django.urls import reverse

from resguardo.core.models import Notification
from resguardo.partners.choices import WatchlistSource
from resguardo.partners.watchlists.importer import list_version_import

from ..choices import RepresentativeRole
from ..services import representative_add
from .factories import actor_for, person_rfc

HEADER = "No,RFC,Nombre del Contribuyente,Situación del contribuyente"


def sat_69b(rows) -> bytes:
    lines = ["Información actualizada al 1 de diciembre de 2026", "Listado completo 69-B", HEADER]
    lines += [f'{n},{rfc},"{name}",{status}' for n, (rfc, name, status) in enumerate(rows, 1)]
    return "\n".join(lines).encode("utf-8")


OTHERS = [
    (person_rfc("LFE0805123A"), "LOGISTICA FENIX SA DE CV", "Definitivo"),
    (person_rfc("TNO990101K5"), "TRANSPORTES DEL NORTE ALAMO", "Presunto"),
]


def import_69b(rows, name):
    return list_version_import(
        source=WatchlistSource.SAT_69B, content=sat_69b(rows), file_name=name, origin="tests"
    )


def test_own_rfc_in_a_new_69b_version_turns_the_prerequisite_red_and_notifies(
    world, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        import_69b(OTHERS, "v1.csv")
    client = client_for(world.carla)
    page = client.get(reverse("certification:prerequisites")).content.decode()
    assert "Blocking" not in page
    assert not Notification.objects.filter(user=world.carla).exists()

    listed = (world.org.rfc, "AGENCIA ADUANAL NORTE SC", "Presunto")
    with django_capture_on_commit_callbacks(execute=True):
        import_69b([*OTHERS, listed], "v2.csv")

    page = client.get(reverse("certification:prerequisites")).content.decode()
    assert "Blocking" in page
    assert "AGENCIA ADUANAL NORTE SC" in page
    assert world.org.rfc in page
    note = Notification.objects.get(user=world.carla)
    assert world.org.rfc in note.title
    assert note.url == reverse("certification:prerequisites")
    # the officers are told, not the site staff; the other organization is not listed
    assert not Notification.objects.filter(user__in=[world.sofia, world.oscar]).exists()
    other = client_for(world.oscar).get(reverse("certification:prerequisites")).content.decode()
    assert "Blocking" not in other
    # the home page shows the blocking entry too
    home = client_for(world.carla).get("/").content.decode()
    assert "AGENCIA ADUANAL NORTE SC" in home


def test_a_listed_mandatario_blocks_once_recorded(
    world, client_for, django_capture_on_commit_callbacks
):
    rfc = person_rfc("GATS900214Q7")
    with django_capture_on_commit_callbacks(execute=True):
        import_69b([*OTHERS, (rfc, "GARZA TREVINO SOFIA", "Definitivo")], "v1.csv")
    page = client_for(world.carla).get(reverse("certification:prerequisites")).content.decode()
    assert "Blocking" not in page
    representative_add(
        actor=actor_for(world, world.carla),
        full_name="Sofía Garza Treviño",
        rfc=rfc,
        role=RepresentativeRole.MANDATARIO,
    )
    page = client_for(world.carla).get(reverse("certification:prerequisites")).content.decode()
    assert "Blocking" in page
    assert "GARZA TREVINO SOFIA" in page
    assert Notification.objects.filter(user=world.carla, title__contains=rfc).count() == 1


def sat_69b_bis(rows) -> bytes:
    """The SAT's open-data conventions: windows-1252, CRLF, a preamble before the header."""
    lines = [
        "Información actualizada al 28 de noviembre de 2026",
        "Contribuyentes que transmitieron indebidamente pérdidas fiscales (69-B Bis)",
        "No,RFC,Nombre del Contribuyente,Situación del contribuyente",
    ]
    lines += [f'{n},{rfc},"{name}",{status}' for n, (rfc, name, status) in enumerate(rows, 1)]
    return "\r\n".join(lines).encode("windows-1252")


def test_own_rfc_on_the_69b_bis_list_is_a_blocking_prerequisite(
    world, client_for, django_capture_on_commit_callbacks
):
    listed = (world.org.rfc, "AGENCIA ADUANAL NORTE SC", "Presunto")
    with django_capture_on_commit_callbacks(execute=True):
        result = list_version_import(
            source=WatchlistSource.SAT_69B_BIS,
            content=sat_69b_bis([*OTHERS, listed]),
            file_name="69-B-Bis.csv",
            origin="tests",
        )
    assert result.version.entries.count() == 3
    assert str(result.version.published_on) == "2026-11-28"
    page = client_for(world.carla).get(reverse("certification:prerequisites")).content.decode()
    assert "Blocking" in page
    assert "AGENCIA ADUANAL NORTE SC" in page
    assert "69-B Bis" in page
