"""Backup and restore of a whole installation: the database, every stored file, a manifest.

    resguardo backup /srv/backups/resguardo-2026-12-05.tar.gz
    resguardo restore --verify /srv/backups/resguardo-2026-12-05.tar.gz   # check, change nothing
    resguardo restore /srv/backups/resguardo-2026-12-05.tar.gz            # into an empty install

The archive is a gzip'd tar holding the database (an SQLite online backup, or `pg_dump -Fc`
for PostgreSQL), `files/<name>` for every object in the default storage (local folder or S3),
and `manifest.json` last, with the SHA-256 and size of each member. A restore checks every hash
before it writes anything, and refuses an installation that already holds data.
"""

from .archive import BackupError, BackupSummary, backup_verify, backup_write
from .restore import restore_archive

__all__ = ["BackupError", "BackupSummary", "backup_verify", "backup_write", "restore_archive"]
