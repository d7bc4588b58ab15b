"""Names of the current list versions normalised again after issue 16: "CAPITAL" is kept
unless it is "de Capital Variable", and foreign legal forms (FZE, DMCC, Pte...) are dropped.
Only names holding one of those words can change; the next import of each list does the rest
(69-B names under a shared RFC kept as aliases)."""

from functools import reduce
from operator import or_

from django.db import migrations
from django.db.models import Q

WORDS = (
    *("CAPITAL", "FZ", "DMCC", "PTE", "PTY", "PVT", "BHD"),
    *("JSC", "OOO", "KG", "SAC", "EIRL", "CIA"),
)


def renormalize(apps, schema_editor):
    from resguardo.partners.watchlists.normalize import normalize_name

    may_change = reduce(or_, (Q(name__icontains=word) for word in WORDS))
    for model_name in ("ListEntry", "ListEntryName"):
        model = apps.get_model("partners", model_name)
        rows = model.objects.filter(may_change, version__is_current=True).only(
            "name", "normalized"
        )
        changed = []
        for row in rows.iterator(chunk_size=2000):
            normalized = normalize_name(row.name)[:500]
            if normalized != row.normalized:
                row.normalized = normalized
                changed.append(row)
        model.objects.bulk_update(changed, ["normalized"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("partners", "0003_hit_explanation_informative_generic_foreign_rfc")]

    operations = [migrations.RunPython(renormalize, migrations.RunPython.noop)]
