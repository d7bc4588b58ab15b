"""Small helpers the infosec tests share."""

from django.test import Client

from resguardo.core.actors import Actor


def actor_of(world, user) -> Actor:
    return Actor.for_member(world.membership(user))


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
