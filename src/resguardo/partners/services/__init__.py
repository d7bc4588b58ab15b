"""Every write of the partners app. Views, forms, serializers, commands and imports call
these functions and never save a model themselves."""

from .certifications import certification_create, certification_delete, certification_update
from .common import add_months, policy_for
from .imports import ImportReport, partners_import, report_as_dict
from .partners import (
    address_add,
    contact_add,
    document_upload,
    partner_child_remove,
    partner_create,
    partner_set_risk,
    partner_update,
    policy_update,
)
from .questionnaires import (
    questionnaire_accept,
    questionnaire_answer,
    questionnaire_attach,
    questionnaire_for_token,
    questionnaire_just_submitted,
    questionnaire_remind,
    questionnaire_request_corrections,
    questionnaire_revoke,
    questionnaire_send,
    questionnaires_due_reminder,
    score_answers,
    unanswered_questions,
)
from .reviews import finding_add, finding_close, review_record
from .screening import (
    current_index,
    hit_decide,
    partners_screen_now,
    rescreen_all_organizations,
    screen_partners,
)
from .selection import agreement_create, agreement_update, selection_decide
from .standing import partner_refresh_standing, partners_refresh_standing

__all__ = [
    "ImportReport",
    "report_as_dict",
    "add_months",
    "address_add",
    "agreement_create",
    "agreement_update",
    "certification_create",
    "certification_delete",
    "certification_update",
    "contact_add",
    "current_index",
    "document_upload",
    "finding_add",
    "finding_close",
    "hit_decide",
    "partner_child_remove",
    "partner_create",
    "partner_refresh_standing",
    "partners_refresh_standing",
    "partner_set_risk",
    "partner_update",
    "partners_import",
    "partners_screen_now",
    "policy_for",
    "policy_update",
    "questionnaire_accept",
    "questionnaire_answer",
    "questionnaire_attach",
    "questionnaire_for_token",
    "questionnaire_just_submitted",
    "questionnaire_remind",
    "questionnaire_request_corrections",
    "questionnaire_revoke",
    "questionnaire_send",
    "questionnaires_due_reminder",
    "rescreen_all_organizations",
    "review_record",
    "score_answers",
    "unanswered_questions",
    "screen_partners",
    "selection_decide",
]
