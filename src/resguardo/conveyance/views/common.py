from resguardo.core.selectors import member_user_list, recordable_sites


def organization_people(membership):
    return member_user_list(membership=membership).order_by("first_name", "last_name")


def sites_for(membership):
    return recordable_sites(membership=membership)


def photos_to_choose_again(request) -> list[str]:
    """Names of the file inputs the user filled in a post that is shown again with errors.

    A browser never refills a file input, so the page must say which photos to take again."""
    if request.method != "POST":
        return []
    return [name for name, upload in request.FILES.items() if upload]
