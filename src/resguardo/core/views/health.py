import hmac

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ..observability import metrics_text


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


@never_cache
@require_GET
def livez(request):
    """The process answers (no database involved): restart it only if this fails."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def metrics(request):
    """Prometheus metrics, only with `Authorization: Bearer <METRICS_TOKEN>`."""
    token = settings.METRICS_TOKEN
    if not token:
        raise Http404
    sent = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(sent.encode(), token.encode()):
        return HttpResponse("metrics need the bearer token\n", status=401,
                            content_type="text/plain; charset=utf-8",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
    return HttpResponse(metrics_text(), content_type="text/plain; version=0.0.4; charset=utf-8")
