"""Stored files shared by every module: cleanup of files stored inside a rolled-back transaction."""

from .cleanup import atomic_with_files, track_stored_file

__all__ = ["atomic_with_files", "track_stored_file"]
