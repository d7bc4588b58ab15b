"""An agency with five sites and an administrator, for the benchmarks that bring their own
database set-up (bench/facilities_gate.py)."""


def people_and_sites():
    from shipments_data import people

    return people()
