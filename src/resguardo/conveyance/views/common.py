from django.contrib.auth import get_user_model

from resguardo.shipments.selectors import recordable_sites


def organization_people(membership):
    return (
        get_user_model()
        .objects.filter(
            memberships__organization=membership.organization, memberships__is_active=True
        )
        .order_by("first_name", "last_name")
    )


def sites_for(membership):
    return recordable_sites(membership=membership)
