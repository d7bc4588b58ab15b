"""Refusing dangerous file names before anything is read or stored.

A name is refused when it holds a folder separator or a control character (it could escape
the storage folder or forge a header), or when any of its extensions names a program, a
script or a page a browser would run: "report.pdf.exe" and "report.exe.pdf" alike.
"""

import unicodedata

DANGEROUS_EXTENSIONS = frozenset(
    {
        "exe", "js", "mjs", "bat", "cmd", "sh", "bash", "ps1", "psm1", "vbs", "vbe", "jse",
        "wsf", "wsh", "jar", "scr", "msi", "msp", "dll", "com", "cpl", "pif", "hta", "html",
        "htm", "xhtml", "shtml", "svg", "svgz", "php", "phtml", "asp", "aspx", "jsp", "py",
        "pl", "rb", "cgi", "lnk", "reg", "inf", "app", "dmg", "apk", "iso", "docm", "xlsm",
        "pptm", "dotm", "xltm", "swf", "command", "gadget", "application",
    }
)  # fmt: skip

MAX_NAME_LENGTH = 255


def extension_of(name: str) -> str:
    """The last extension, lower case, without the dot ("" when there is none)."""
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def has_unsafe_characters(name: str) -> bool:
    """Folder separators or control characters (including Unicode direction overrides)."""
    return any(
        char in "/\\" or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in name
    )


def dangerous_extension(name: str) -> str | None:
    """The first extension of the name that could run code, or None."""
    extensions = [part.strip().lower() for part in name.split(".")[1:]]
    last = extensions[-1] if extensions else ""
    if last in DANGEROUS_EXTENSIONS:
        return last
    return next((part for part in extensions if part in DANGEROUS_EXTENSIONS), None)
