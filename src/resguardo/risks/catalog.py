"""The supply-chain threat catalog shipped with Resguardo.

Each organization gets its own editable copy (`services.threats_seed`) the first time the risk
register is used: it may rename, describe, retire or add threats. A shipped threat keeps its
`key`, so its name stays translated until the organization renames it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ShippedThreat:
    key: str
    name: str
    description: str


THREATS = (
    ShippedThreat(
        "narcotics",
        _("Narcotics and contraband contamination"),
        _("Drugs or undeclared goods hidden in cargo, containers or the transport unit."),
    ),
    ShippedThreat(
        "terrorism",
        _("Terrorism and weapons"),
        _("Weapons, explosives or other means of attack moved through the supply chain."),
    ),
    ShippedThreat(
        "human_smuggling",
        _("Human smuggling"),
        _("People hidden in trailers, containers or cabins to cross the border."),
    ),
    ShippedThreat(
        "cargo_theft",
        _("Cargo theft and hijacking"),
        _("Goods or the whole unit stolen in the yard, on route or at a stop."),
    ),
    ShippedThreat(
        "internal_conspiracy",
        _("Internal conspiracy"),
        _("Staff or contractors who help a criminal group from inside the agency."),
    ),
    ShippedThreat(
        "document_fraud",
        _("Document and identity fraud"),
        _("False clients, forged invoices, altered pedimentos or borrowed identities."),
    ),
    ShippedThreat(
        "cyber_attack",
        _("Cyber attacks"),
        _("Ransomware, stolen credentials or altered data in the agency's systems."),
    ),
    ShippedThreat(
        "money_laundering",
        _("Money laundering"),
        _("Trade used to move illicit money: under- or over-valued goods, odd payers."),
    ),
    ShippedThreat(
        "agricultural_pests",
        _("Agricultural pests"),
        _("Insects, soil or plant matter carried in wood packaging or on the unit."),
    ),
)

SHIPPED = {threat.key: threat for threat in THREATS}
