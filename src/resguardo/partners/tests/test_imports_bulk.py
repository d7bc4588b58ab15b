"""The partner import writes in bulk (issue 16): the same partners, contacts, addresses,
standing, hits and audit trail as creating them one by one, with a number of queries that
does not grow with the file, and the same report of bad rows."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from resguardo.core.audit_checks import audit_verify
from resguardo.core.models import AuditEntry
from resguardo.testing.factories import valid_rfc

from .. import services
from ..choices import ScreeningTrigger
from ..models import Partner, PartnerAddress, PartnerContact, ScreeningHit
from .factories import create_partner, import_fixture

PARTNER_FIELDS = (
    "kind", "legal_name", "trade_name", "rfc", "tax_id", "country", "status", "since",
    "website", "notes", "risk_level", "risk_score", "risk_factors", "risk_override",
    "next_review_due", "blocked_at", "status_before_block",
)  # fmt: skip
# What differs between two organizations' copies of the same rows.
VOLATILE = {
    "id", "organization_id", "partner_id", "created_at", "updated_at", "version",
    "last_screened_at", "first_seen_at", "last_seen_at", "started_at", "finished_at", "actor_id",
}  # fmt: skip


def _rows(carrier_rfc):
    """The file's rows as the services take them (what the import used to pass on)."""
    return [
        (
            {"kind": "client", "legal_name": "Importadora Ejemplo, S.A. de C.V.",
             "rfc": "IEJ1001015A5", "country": "MX", "since": datetime.date(2021, 3, 15)},
            {"name": "Ana Ruiz", "email": "ana@ejemplo.mx", "phone": "81 1234 5678"},
            {"street": "Av. Juárez 10", "city": "Monterrey", "state": "NL",
             "postal_code": "64000"},
        ),
        ({"kind": "carrier", "legal_name": "Logística Fénix", "rfc": "LFE0805123A3"}, None, None),
        (
            {"kind": "forwarder", "legal_name": "Border Freight Partners LLC",
             "tax_id": "98-7654321", "country": "us", "since": datetime.date(2020, 1, 15)},
            {"name": "Tom Reed", "email": "tom@bfp.example.com", "phone": ""},
            None,
        ),
        (
            {"kind": "warehouse", "legal_name": "Comercial Bravo y Asociados, S.C.",
             "rfc": carrier_rfc},
            None,
            {"street": "Calle 5 de Mayo 20", "city": "Nuevo Laredo", "state": "",
             "postal_code": ""},
        ),
    ]  # fmt: skip


def _csv(carrier_rfc) -> bytes:
    return (
        "kind,legal_name,rfc,tax_id,country,contact_name,contact_email,contact_phone,street,"
        "city,state,postal_code,since\n"
        'client,"Importadora Ejemplo, S.A. de C.V.",IEJ1001015A5,,MX,Ana Ruiz,ana@ejemplo.mx,'
        "81 1234 5678,Av. Juárez 10,Monterrey,NL,64000,2021-03-15\n"
        "transportista,Logística Fénix,LFE0805123A3,,,,,,,,,,\n"
        "forwarder,Border Freight Partners LLC,,98-7654321,us,Tom Reed,tom@bfp.example.com,,,,,,"
        "15/01/2020\n"
        f'warehouse,"Comercial Bravo y Asociados, S.C.",{carrier_rfc},,MX,,,,'
        "Calle 5 de Mayo 20,Nuevo Laredo,,,\n"
    ).encode()


def _one_by_one(actor, rows):
    """The import as it was: each partner created (and rated), its contact and address
    added, then one screening of them all."""
    created = []
    for data, contact, address in rows:
        partner = services.partner_create(actor=actor, screen=False, **data)
        if contact:
            services.contact_add(actor=actor, partner=partner, **contact)
        if address:
            services.address_add(
                actor=actor, partner=partner, country=data.get("country", "MX"), **address
            )
        created.append(partner)
    services.screen_partners(actor=actor, partners=created, trigger=ScreeningTrigger.IMPORT)


def _partners(organization):
    return {
        p.legal_name: {name: getattr(p, name) for name in PARTNER_FIELDS}
        for p in Partner.objects.filter(organization=organization)
    }


def _children(model, organization, *fields):
    rows = model.objects.filter(organization=organization).values_list(
        "partner__legal_name", *fields
    )
    return sorted(rows)


def _final_audited_state(organization, after_sequence):
    """Each audited object's last recorded state, and the verbs written."""
    entries = AuditEntry.objects.filter(
        organization=organization, sequence__gt=after_sequence
    ).order_by("sequence")
    state, verbs = {}, []
    for entry in entries:
        verbs.append(entry.verb)
        label = "run" if entry.object_type == "partners.screeningrun" else entry.object_label
        after = {k: v for k, v in (entry.after or {}).items() if k not in VOLATILE}
        state[(entry.object_type, label)] = after
    return state, verbs


def _last_sequence(organization):
    last = AuditEntry.objects.filter(organization=organization).order_by("-sequence").first()
    return last.sequence if last else 0


def test_the_import_writes_what_creating_one_by_one_writes(world):
    import_fixture()
    rfc = valid_rfc()
    norte, sur = world.org, world.other_org
    start_norte, start_sur = _last_sequence(norte), _last_sequence(sur)
    report = services.partners_import(
        actor=world.actor(world.carla), file_name="p.csv", content=_csv(rfc), dry_run=False
    )
    assert report.ok and report.written == 4
    _one_by_one(world.actor(world.oscar), _rows(rfc))

    assert _partners(norte) == _partners(sur)
    fenix = Partner.objects.get(organization=norte, rfc="LFE0805123A3")
    assert fenix.risk_level == "high" and fenix.last_screened_at is not None
    assert _children(PartnerContact, norte, "name", "email", "phone", "position") == _children(
        PartnerContact, sur, "name", "email", "phone", "position"
    )
    address_fields = ("kind", "street", "city", "state", "postal_code", "country")
    assert _children(PartnerAddress, norte, *address_fields) == _children(
        PartnerAddress, sur, *address_fields
    )
    hit_fields = ("source", "entry_key", "match_kind", "score", "matched_name", "is_current")
    hits = _children(ScreeningHit, norte, *hit_fields)
    assert [h[0] for h in hits] == ["Comercial Bravo y Asociados, S.C.", "Logística Fénix"]
    assert hits == _children(ScreeningHit, sur, *hit_fields)

    fast_state, fast_verbs = _final_audited_state(norte, start_norte)
    slow_state, slow_verbs = _final_audited_state(sur, start_sur)
    assert fast_state == slow_state
    # One entry less per partner: the import rates a partner before writing it, instead of
    # writing it and then its rating.
    assert sorted(slow_verbs) == sorted([*fast_verbs, *["partner.updated"] * 4])
    assert fast_verbs.count("partner.updated") == 2  # rated again after their hits
    assert audit_verify() == []

    # What the import stored is what a refresh computes now: nothing changes, nothing audited.
    count = AuditEntry.objects.filter(organization=norte).count()
    for partner in Partner.objects.filter(organization=norte):
        refreshed = services.partner_refresh_standing(
            actor=world.actor(world.carla), partner=partner
        )
        assert (refreshed.risk_level, refreshed.risk_score, refreshed.next_review_due) == (
            partner.risk_level,
            partner.risk_score,
            partner.next_review_due,
        )
    assert AuditEntry.objects.filter(organization=norte).count() == count


def _many(count: int, listed: str, listed_rfc: str) -> bytes:
    """`count` rows with a contact and an address; the first one on the 69-B list."""
    lines = ["kind,legal_name,rfc,contact_name,contact_email,street,city"]
    lines.append(f'client,"{listed}",{listed_rfc},Ana,ana@uno.example.mx,Calle 1,Saltillo')
    for i in range(count - 1):
        lines.append(
            f"carrier,Socio Ficticio Numero {i},{valid_rfc()},Persona {i},"
            f"p{i}@socio.example.mx,Calle {i},Saltillo"
        )
    return ("\n".join(lines) + "\n").encode()


BULK_TABLES = (
    "partners_partner", "partners_partnercontact", "partners_partneraddress",
    "partners_screeninghit", "core_auditentry",
)  # fmt: skip


def _queries(world, content, dry_run) -> tuple[int, int]:
    """(statements other than bulk inserts, bulk inserts) of one import."""
    with CaptureQueriesContext(connection) as captured:
        report = services.partners_import(
            actor=world.actor(world.carla), file_name="p.csv", content=content, dry_run=dry_run
        )
    assert report.ok, report.errors
    bulk = tuple(f'INSERT INTO "{table}" ' for table in BULK_TABLES)
    inserts = sum(1 for q in captured.captured_queries if q["sql"].startswith(bulk))
    return len(captured.captured_queries) - inserts, inserts


def test_the_number_of_queries_does_not_grow_with_the_rows(world):
    import_fixture()
    # A first import builds the list index and opens the audit chain.
    _queries(world, _many(3, "Sin Coincidencia, S.A.", valid_rfc()), False)
    small = _many(10, "Logística Fénix", "LFE0805123A3")
    big = _many(200, "Comercial Bravo y Asociados, S.C.", "CBR1203034M7")
    assert _queries(world, big, True)[0] == _queries(world, small, True)[0]
    others_small, inserts_small = _queries(world, small, False)
    others_big, inserts_big = _queries(world, big, False)
    assert others_big == others_small
    # Rows are inserted in batches (on SQLite, 999 values per statement: ~38 partners, ~58
    # audit entries); one by one, 200 rows took about 15,000 statements.
    assert inserts_big <= inserts_small + 20, (inserts_small, inserts_big)
    assert Partner.objects.filter(organization=world.org).count() == 213
    assert ScreeningHit.objects.filter(organization=world.org).count() == 2
    assert audit_verify() == []


def test_registered_identifiers_are_reported_as_creating_the_partner_reports_them(world):
    from django.core.exceptions import ValidationError

    mexican = create_partner(world, legal_name="Registrada, S.A.")
    foreign = create_partner(
        world, legal_name="Foreign Inc.", rfc="", tax_id="12-345", country="US"
    )
    content = (
        "kind,legal_name,rfc,tax_id,country,website\n"
        "client,Bueno Uno,IEJ1001015A5,,MX,\n"
        f"client,Repetida,{mexican.rfc},,MX,no es una dirección\n"  # registered + bad website
        "client,Otra Foreign,,12-345,us,\n"  # registered foreign tax id
        "client,Bueno Dos,,12-345,CA,\n"  # same tax id, another country: fine
        "client,Mala Web,TPN0906302BA,,MX,no es una dirección\n"
    ).encode()
    report = services.partners_import(
        actor=world.actor(world.carla), file_name="p.csv", content=content, dry_run=False
    )
    messages = {}
    for data in (
        {"kind": "client", "legal_name": "Repetida", "rfc": mexican.rfc,
         "website": "no es una dirección"},
        {"kind": "client", "legal_name": "Otra Foreign", "tax_id": "12-345", "country": "us"},
        {"kind": "client", "legal_name": "Mala Web", "rfc": "TPN0906302BA",
         "website": "no es una dirección"},
    ):  # fmt: skip
        try:
            services.partner_create(actor=world.actor(world.carla), **data)
        except ValidationError as error:
            messages[data["legal_name"]] = [
                (column, m) for column, ms in error.message_dict.items() for m in ms
            ]
    assert [(p.row, p.column, p.problem) for p in report.errors] == [
        (3, *messages["Repetida"][0]),
        (4, *messages["Otra Foreign"][0]),
        (6, *messages["Mala Web"][0]),
    ]
    assert messages["Repetida"] == [
        ("rfc", "A partner with this RFC is already registered: Registrada, S.A..")
    ]
    assert "tax id is already registered: Foreign Inc." in messages["Otra Foreign"][0][1]
    assert messages["Mala Web"][0][0] == "website"
    assert not report.applied and report.written == 0
    assert set(Partner.objects.filter(organization=world.org)) == {mexican, foreign}
