from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """Is the database reachable, and are all migrations applied? 200 or 503."""
    result = {"database": "ok", "migrations": "ok"}
    healthy = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            result["migrations"] = f"{len(pending)} pending"
            healthy = False
    except DatabaseError as exc:
        result["database"] = f"unreachable: {exc.__class__.__name__}"
        result["migrations"] = "unknown"
        healthy = False
    result["status"] = "ok" if healthy else "error"
    return JsonResponse(result, status=200 if healthy else 503)
