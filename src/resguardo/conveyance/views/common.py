from resguardo.core.selectors import member_user_list
from resguardo.shipments.selectors import recordable_sites


def organization_people(membership):
    return member_user_list(membership=membership).order_by("first_name", "last_name")


def sites_for(membership):
    return recordable_sites(membership=membership)
