"""Key control: register, issue against a typed signature, return, lost key -> lock change,
audits of the key box."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.core.actors import Actor
from resguardo.core.permissions import require_record_at, require_same_organization
from resguardo.core.writes import create_audited, update_audited

from ..choices import KeyStatus
from ..compliance_link import raise_action
from ..models import Key, KeyAudit
from .badges import normalize_badge_number
from .common import check_member, clean_text


@transaction.atomic
def key_register(*, actor: Actor, site, number, opens) -> Key:
    require_record_at(actor.membership, site)
    number = normalize_badge_number(number)
    if not number:
        raise ValidationError({"number": _("Type the key tag.")})
    opens = clean_text(opens, "opens", required=True, label=_("the lock it opens"))
    if Key.objects.filter(organization=actor.organization, site=site, number=number).exists():
        raise ValidationError(
            {"number": _("Key %(n)s is already in the register.") % {"n": number}}
        )
    return create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=Key(organization=actor.organization, site=site, number=number, opens=opens),
        verb="key.registered",
        data={"key": number},
    )


def _locked(actor: Actor, key: Key) -> Key:
    require_same_organization(actor.membership, key, field="key")
    require_record_at(actor.membership, key.site)
    return Key.objects.select_for_update().get(pk=key.pk)


@transaction.atomic
def key_issue(
    *, actor: Actor, key: Key, signed_name, holder_user=None, holder_name="", employee_number=""
) -> Key:
    """Hand a key over; the holder types their name on screen as the receipt."""
    key = _locked(actor, key)
    check_member(actor, "holder_user", holder_user)
    if key.status != KeyStatus.IN_BOX:
        raise ValidationError(
            {
                "key": _("Key %(n)s is not in the box (%(status)s).")
                % {"n": key.number, "status": key.get_status_display()}
            }
        )
    holder_name = clean_text(holder_name, "holder_name")
    if holder_user is not None and not holder_name:
        holder_name = holder_user.get_full_name() or holder_user.email
    if not holder_name:
        raise ValidationError({"holder_name": _("Name the person who takes the key.")})
    signed_name = clean_text(signed_name, "signed_name")
    if not signed_name:
        raise ValidationError({"signed_name": _("The holder signs by typing their name.")})
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=key,
        changes={
            "status": KeyStatus.ISSUED,
            "holder_user": holder_user,
            "holder_name": holder_name,
            "employee_number": clean_text(employee_number, "e"),
            "issued_at": timezone.now(),
            "signed_name": signed_name,
        },
        verb="key.issued",
        data={"key": key.number, "holder": holder_name},
    )


@transaction.atomic
def key_return(*, actor: Actor, key: Key) -> Key:
    key = _locked(actor, key)
    if key.status != KeyStatus.ISSUED:
        raise ValidationError({"key": _("Key %(n)s is not out.") % {"n": key.number}})
    return update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=key,
        changes={
            "status": KeyStatus.IN_BOX,
            "holder_user": None,
            "holder_name": "",
            "employee_number": "",
            "issued_at": None,
            "signed_name": "",
        },
        verb="key.returned",
        data={"key": key.number},
    )


@transaction.atomic
def key_mark_lost(*, actor: Actor, key: Key, note="") -> Key:
    """A lost key means the lock is no longer safe: a lock-change task is opened."""
    key = _locked(actor, key)
    if key.status == KeyStatus.LOST:
        raise ValidationError(
            {"key": _("Key %(n)s is already recorded as lost.") % {"n": key.number}}
        )
    holder = key.holder_name
    key = update_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=key,
        changes={"status": KeyStatus.LOST},
        verb="key.lost",
        data={"key": key.number, "holder": holder},
    )
    raise_action(
        organization=actor.organization,
        title=_("Change the lock: %(lock)s (key %(n)s lost)")
        % {"lock": key.opens, "n": key.number},
        description=clean_text(note, "note") or _("Key lost by %(h)s.") % {"h": holder or "—"},
        site=key.site,
        source_reference=f"facilities.key:{key.pk}",
        due_in_days=2,
    )
    return key


@transaction.atomic
def key_audit_run(*, actor: Actor, site, present_numbers, note="") -> KeyAudit:
    """Count the box: every key the register says is in the box must be there, and no key
    the register says is out."""
    require_record_at(actor.membership, site)
    present = {normalize_badge_number(n) for n in present_numbers if str(n).strip()}
    keys = Key.objects.filter(organization=actor.organization, site=site).exclude(
        status=KeyStatus.RETIRED
    )
    in_box = {k.number for k in keys if k.status == KeyStatus.IN_BOX}
    known = {k.number for k in keys}
    unknown = present - known
    if unknown:
        raise ValidationError(
            {
                "present_numbers": _("Not in the register: %(n)s.")
                % {"n": ", ".join(sorted(unknown))}
            }
        )
    audit = create_audited(
        actor=actor.user,
        organization=actor.organization,
        instance=KeyAudit(
            organization=actor.organization,
            site=site,
            performed_at=timezone.now(),
            performed_by=actor.user,
            expected=len(in_box),
            missing=sorted(in_box - present),
            unexpected=sorted(present - in_box),
            note=clean_text(note, "note"),
        ),
        verb="key_audit.performed",
        data={"site": site.name},
    )
    if not audit.reconciled:
        raise_action(
            organization=actor.organization,
            title=_("Reconcile the key box at %(site)s") % {"site": site.name},
            description=_("Missing: %(m)s. Found but registered as out: %(u)s.")
            % {"m": ", ".join(audit.missing) or "—", "u": ", ".join(audit.unexpected) or "—"},
            site=site,
            source_reference=f"facilities.key_audit:{audit.pk}",
        )
    return audit


def key_url(key: Key) -> str:
    return reverse("facilities:key_list") + f"?q={key.number}"
