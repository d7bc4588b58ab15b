from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def pending_migrations() -> list:
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def serve_forever(*, host: str, port: int, threads: int = 8) -> None:
    import waitress
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application

    settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    # Django's own WSGI entry point: the kernel never imports the project's config package.
    application = get_wsgi_application()

    connection.close()  # each server thread opens its own connection
    waitress.serve(application, host=host, port=port, threads=threads, ident="resguardo")
