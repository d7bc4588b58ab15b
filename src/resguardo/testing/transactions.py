"""A transaction a test opens itself (around work it rolls back), marked as Django's TestCase
marks its own: top-level services (`transaction.atomic(durable=True)`) run inside it as they
run inside a test's transaction, and the audit log's change ids skip it likewise."""

from django.db import transaction


def atomic_as_testcase(using=None) -> transaction.Atomic:
    block = transaction.atomic(using=using)
    block._from_testcase = True
    return block
