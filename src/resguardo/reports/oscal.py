"""An assessment as an OSCAL 1.0.6 assessment-results document (JSON).

- `import-ap` points at a back-matter resource that describes the assessment plan: Resguardo
  keeps no separate plan document; the plan is the assessment's scope (framework version,
  site, applicability flags), with links to the assessment and to the catalog export.
- One result for the assessment. `reviewed-controls` selects every requirement in scope (the
  not-applicable ones excluded). One finding per requirement: its target is the control of
  the catalog export (`standards.oscal`, same id rule), with status satisfied / not-satisfied.
- One observation per requirement that has a written answer or evidence; its
  relevant-evidence points at back-matter resources, one per evidence item, whose rlinks carry
  the file's SHA-256 as an OSCAL hash.
- Every UUID is a UUID5 of the organization, assessment and object ids, and every timestamp
  comes from the data, so exporting the same assessment twice gives the same document.

Texts are in one language (the catalog carries both); evidence the person exporting may not
see (confidential) is left out, exactly as in the PDF.
"""

import datetime
import re
import uuid

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from resguardo.compliance import selectors
from resguardo.compliance.choices import Result

from .choices import report_language, written_in

OSCAL_VERSION = "1.0.6"
NS = "urn:resguardo:ns:oscal"  # the namespace of Resguardo's own props (as in the catalog)
_UUID_NAMESPACE = uuid.UUID("0d3c5f8e-6b1a-5c57-9e0f-7a2b4c6d8e10")

# result → (objective state, reason, implementation state or None)
STATUS = {
    Result.COMPLIANT: ("satisfied", "pass", "implemented"),
    Result.PARTIAL: ("not-satisfied", "fail", "partial"),
    Result.NON_COMPLIANT: ("not-satisfied", "fail", None),
    Result.NOT_APPLICABLE: ("satisfied", "other", "not-applicable"),
    Result.NOT_ASSESSED: ("not-satisfied", "other", None),
}


def control_id(framework_key: str, ref_id: str) -> str:
    """The id the catalog export (`standards.oscal`) gives a requirement: an XML NCName made
    of the framework key and the reference id."""
    prefix = re.sub(r"[^A-Za-z0-9._-]", "-", framework_key)
    if not re.match(r"[A-Za-z_]", prefix):
        prefix = f"_{prefix}"
    return f"{prefix}-{re.sub(r'[^A-Za-z0-9._-]', '-', ref_id)}"


def timestamp(value) -> str:
    """RFC 3339 in UTC, whole seconds (the schema's DateTimeWithTimezone pattern)."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(), tzinfo=datetime.UTC)
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _one_line(text) -> str:
    return " ".join(str(text).split())


def prop(name: str, value) -> dict | None:
    """A Resguardo prop; None when the value is empty (OSCAL values may not be blank)."""
    value = _one_line(value if value is not None else "")
    return {"name": name, "ns": NS, "value": value} if value else None


def props(*items) -> dict:
    kept = [item for item in items if item]
    return {"props": kept} if kept else {}


class _Builder:
    def __init__(self, data, language: str):
        self.data = data
        self.assessment = data.assessment
        self.language = language
        self.framework_key = data.library.framework.key
        self.people: dict[int, dict] = {}
        self.roles: dict[str, set[str]] = {}
        self.resources: dict[str, dict] = {}

    def uuid(self, *parts) -> str:
        key = "|".join(
            str(p) for p in (self.assessment.organization_id, self.assessment.pk, *parts)
        )
        return str(uuid.uuid5(_UUID_NAMESPACE, key))

    # Parties ------------------------------------------------------------------------------
    def person(self, user, role: str) -> str | None:
        if user is None:
            return None
        party = self.people.get(user.pk)
        if party is None:
            party = {
                "uuid": self.uuid("person", user.pk),
                "type": "person",
                "name": _one_line(user.get_full_name() or user.email),
            }
            if user.email:
                party["email-addresses"] = [user.email]
            self.people[user.pk] = party
        self.roles.setdefault(role, set()).add(party["uuid"])
        return party["uuid"]

    def organization_party(self) -> dict:
        organization = self.data.organization
        party = {
            "uuid": self.uuid("organization"),
            "type": "organization",
            "name": _one_line(organization.legal_name),
        }
        if organization.short_name:
            party["short-name"] = _one_line(organization.short_name)
        party.update(props(prop("rfc", organization.rfc)))
        return party

    # Back matter --------------------------------------------------------------------------
    def evidence_resource(self, evidence) -> str:
        key = self.uuid("evidence", evidence.id, evidence.revision or "link")
        if key in self.resources:
            return key
        resource = {"uuid": key, "title": _one_line(evidence.title)}
        resource.update(
            props(
                prop("classification", evidence.classification),
                prop("revision", evidence.revision),
                prop("file-name", evidence.original_name),
                prop("size", evidence.size),
                prop(
                    "valid-until", evidence.valid_until.isoformat() if evidence.valid_until else ""
                ),
                prop("sha256", evidence.sha256),
            )
        )
        if evidence.revision:
            url = reverse(
                "compliance:evidence_revision_download", args=[evidence.id, evidence.revision]
            )
            resource["rlinks"] = [
                {"href": url, "hashes": [{"algorithm": "SHA-256", "value": evidence.sha256}]}
            ]
        elif evidence.url:
            resource["rlinks"] = [{"href": evidence.url}]
        self.resources[key] = resource
        return key

    def plan_resource(self) -> str:
        assessment = self.assessment
        key = self.uuid("assessment-plan")
        flags = {flag["key"]: flag["label"] for flag in assessment.library.flags}
        scope = assessment.site.name if assessment.site else _("Whole organization")
        self.resources[key] = {
            "uuid": key,
            "title": _("Assessment plan: %(name)s") % {"name": _one_line(assessment.name)},
            "description": _(
                "Resguardo keeps no separate assessment plan. The plan is the scope of the "
                "assessment: %(scope)s, against %(library)s, with these applicability "
                "criteria: %(flags)s."
            )
            % {
                "scope": scope,
                "library": self.data.library,
                "flags": ", ".join(str(flags.get(f, f)) for f in assessment.flags) or "—",
            },
            **props(
                prop("framework", self.data.library.urn),
                prop("site", scope),
                *[prop("applicability-flag", f) for f in assessment.flags],
            ),
            "rlinks": [{"href": reverse("compliance:assessment_detail", args=[assessment.pk])}],
        }
        catalog = self.uuid("catalog")
        self.resources[catalog] = {
            "uuid": catalog,
            "title": _one_line(self.data.library.name),
            **props(prop("urn", self.data.library.urn)),
            "rlinks": [
                {
                    "href": reverse("standards:oscal", args=[self.data.library.urn])
                    + f"?lang={self.language}",
                    "media-type": "application/json",
                }
            ],
        }
        return key

    # Results ------------------------------------------------------------------------------
    def observation(self, item) -> dict | None:
        result, node = item.result, item.result.node
        if not result.answer and not item.evidence:
            return None
        observation = {
            "uuid": self.uuid("observation", result.pk),
            "title": _one_line(f"{node.ref_id} {node.title}"),
            "description": result.answer or _("No written answer."),
            **props(prop("requirement-urn", node.urn)),
            "methods": ["EXAMINE"],
            "types": ["control-objective"],
        }
        answered_by = self.person(result.answered_by, "answered-by")
        if answered_by:
            observation["origins"] = [{"actors": [{"type": "party", "actor-uuid": answered_by}]}]
        if item.evidence:
            observation["relevant-evidence"] = [
                {
                    "href": f"#{self.evidence_resource(e)}",
                    "description": _one_line(e.title),
                    **props(prop("sha256", e.sha256), prop("classification", e.classification)),
                }
                for e in item.evidence
            ]
        observation["collected"] = timestamp(result.answered_at or result.updated_at)
        return observation

    def finding(self, item, observation) -> dict:
        result, node = item.result, item.result.node
        state, reason, implementation = STATUS[result.result]
        target = {
            "type": "objective-id",
            "target-id": control_id(self.framework_key, node.ref_id),
            "status": {"state": state, "reason": reason},
        }
        if implementation:
            target["implementation-status"] = {"state": implementation}
        finding = {
            "uuid": self.uuid("finding", result.pk),
            "title": _one_line(f"{node.ref_id} {node.title}"),
            "description": str(Result(result.result).label),
            **props(
                prop("result", result.result),
                prop("score", result.score),
                prop("weight", result.weight),
                prop("requirement-urn", node.urn),
            ),
            "target": target,
        }
        reviewer = self.person(result.reviewed_by, "reviewer")
        if reviewer:
            finding["origins"] = [{"actors": [{"type": "party", "actor-uuid": reviewer}]}]
        self.person(result.owner, "requirement-owner")
        if observation:
            finding["related-observations"] = [{"observation-uuid": observation["uuid"]}]
        remarks = "\n\n".join(t for t in (result.justification, result.comments) if t)
        if remarks:
            finding["remarks"] = remarks
        return finding

    def result(self) -> dict:
        assessment, data = self.assessment, self.data
        observations, findings, included, excluded = [], [], [], []
        for section in data.sections:
            for item in section.requirements:
                observation = self.observation(item)
                if observation:
                    observations.append(observation)
                findings.append(self.finding(item, observation))
                selection = {"control-id": control_id(self.framework_key, item.result.node.ref_id)}
                (excluded if item.result.result == Result.NOT_APPLICABLE else included).append(
                    selection
                )
        selection = {
            "description": _(
                "Every requirement of the framework version that applies to the assessment's scope."
            )
        }
        if included:
            selection["include-controls"] = included
        if excluded:
            selection["exclude-controls"] = excluded
        overall = data.readiness.overall
        result = {
            "uuid": self.uuid("result"),
            "title": _one_line(assessment.name),
            "description": _("Self-assessment of %(organization)s against %(library)s.")
            % {"organization": data.organization.legal_name, "library": data.library},
            "start": timestamp(assessment.created_at),
            **props(
                prop("status", assessment.status),
                prop("readiness", overall.readiness),
                prop("progress", overall.progress),
            ),
            "reviewed-controls": {"control-selections": [selection]},
        }
        if assessment.is_frozen and assessment.frozen_at:
            result["end"] = timestamp(assessment.frozen_at)
        if data.snapshot:
            result["attestations"] = [self.attestation(data.snapshot)]
        if observations:
            result["observations"] = observations
        if findings:
            result["findings"] = findings
        return result

    def attestation(self, snapshot) -> dict:
        approver = self.person(snapshot.signed_by, "approver")
        prose = _("Signed off on %(when)s. SHA-256 of the frozen snapshot: %(hash)s.") % {
            "when": timestamp(snapshot.signed_at),
            "hash": snapshot.sha256,
        }
        if snapshot.statement:
            prose = f"{snapshot.statement}\n\n{prose}"
        return {
            "responsible-parties": [{"role-id": "approver", "party-uuids": [approver]}],
            "parts": [
                {
                    "name": "sign-off",
                    "ns": NS,
                    "prose": prose,
                    **props(prop("snapshot-sha256", snapshot.sha256)),
                }
            ],
        }

    # Document -----------------------------------------------------------------------------
    def last_modified(self):
        moments = [self.assessment.updated_at]
        moments += [i.result.updated_at for s in self.data.sections for i in s.requirements]
        if self.data.snapshot:
            moments.append(self.data.snapshot.signed_at)
        return max(moments)

    def metadata(self) -> dict:
        assessment, data = self.assessment, self.data
        organization = self.organization_party()
        modified = self.last_modified()
        version = (
            f"signed-{assessment.snapshot_sha256[:16]}"
            if assessment.is_frozen
            else f"working-copy-{timezone.localtime(modified):%Y%m%d%H%M%S}"
        )
        role_titles = {
            "assessed-organization": _("Assessed organization"),
            "requirement-owner": _("Requirement owner"),
            "answered-by": _("Answered by"),
            "reviewer": _("Reviewer"),
            "approver": _("Approver"),
        }
        parties = [organization, *self.people.values()]
        roles = {"assessed-organization": {organization["uuid"]}, **self.roles}
        return {
            "title": _("Self-assessment results: %(name)s") % {"name": _one_line(assessment.name)},
            "last-modified": timestamp(modified),
            "version": version,
            "oscal-version": OSCAL_VERSION,
            **props(
                prop("organization-rfc", data.organization.rfc),
                prop("framework", data.library.urn),
                prop("language", self.language),
                prop("assessment-status", assessment.status),
                prop("snapshot-sha256", assessment.snapshot_sha256),
            ),
            "roles": [
                {"id": key, "title": str(title)}
                for key, title in role_titles.items()
                if key in roles
            ],
            "parties": parties,
            "responsible-parties": [
                {"role-id": key, "party-uuids": sorted(uuids)} for key, uuids in roles.items()
            ],
        }

    def document(self) -> dict:
        plan = self.plan_resource()
        results = [self.result()]  # first: it names the people and evidence
        return {
            "assessment-results": {
                "uuid": self.uuid("assessment-results"),
                "metadata": self.metadata(),
                "import-ap": {
                    "href": f"#{plan}",
                    "remarks": _("The assessment plan is described in the back matter."),
                },
                "results": results,
                "back-matter": {"resources": list(self.resources.values())},
            }
        }


def assessment_results(*, membership, assessment, language: str, data=None) -> dict:
    """The OSCAL assessment-results document of one (visible) assessment."""
    language = report_language(language)
    with written_in(language):
        data = data or selectors.assessment_report_data(
            membership=membership, assessment=assessment
        )
        return _Builder(data, language).document()


def oscal_filename(assessment, language: str) -> str:
    return f"assessment-{assessment.pk}-oscal-ar-{report_language(language)}.json"
