"""Resguardo: NEEC/OEA, C-TPAT and WCO SAFE security compliance for customs agencies."""

__version__ = "0.1.0"
