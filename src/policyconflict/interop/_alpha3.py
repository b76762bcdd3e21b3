"""ISO 3166-1 alpha-3 country codes → alpha-2, for the countries the gazetteer holds.

The gazetteer (built from the OCD division lists) knows countries by their alpha-2 codes only;
PLOVER and other event data name countries by alpha-3. The pairs below are the public ISO
3166-1 code assignments, written out for this module; a test checks that every alpha-2 code
here is a country in the gazetteer and that no alpha-3 or alpha-2 code repeats.
"""

from __future__ import annotations

from typing import Final

__all__ = ["ALPHA3"]

# fmt: off
ALPHA3: Final[dict[str, str]] = {
    "AND": "AD", "ARE": "AE", "AFG": "AF", "ATG": "AG", "ALB": "AL", "ARM": "AM", "AGO": "AO",
    "ARG": "AR", "AUT": "AT", "AUS": "AU", "AZE": "AZ", "BIH": "BA", "BRB": "BB", "BGD": "BD",
    "BEL": "BE", "BFA": "BF", "BGR": "BG", "BHR": "BH", "BDI": "BI", "BEN": "BJ", "BRN": "BN",
    "BOL": "BO", "BRA": "BR", "BHS": "BS", "BTN": "BT", "BWA": "BW", "BLR": "BY", "BLZ": "BZ",
    "CAN": "CA", "COD": "CD", "CAF": "CF", "COG": "CG", "CHE": "CH", "CIV": "CI", "CHL": "CL",
    "CMR": "CM", "CHN": "CN", "COL": "CO", "CRI": "CR", "CUB": "CU", "CPV": "CV", "CYP": "CY",
    "CZE": "CZ", "DEU": "DE", "DJI": "DJ", "DNK": "DK", "DMA": "DM", "DOM": "DO", "DZA": "DZ",
    "ECU": "EC", "EST": "EE", "EGY": "EG", "ESH": "EH", "ERI": "ER", "ESP": "ES", "ETH": "ET",
    "FIN": "FI", "FJI": "FJ", "FSM": "FM", "FRA": "FR", "GAB": "GA", "GBR": "GB", "GRD": "GD",
    "GEO": "GE", "GHA": "GH", "GMB": "GM", "GIN": "GN", "GNQ": "GQ", "GRC": "GR", "GTM": "GT",
    "GNB": "GW", "GUY": "GY", "HKG": "HK", "HND": "HN", "HRV": "HR", "HTI": "HT", "HUN": "HU",
    "IDN": "ID", "IRL": "IE", "ISR": "IL", "IND": "IN", "IRQ": "IQ", "IRN": "IR", "ISL": "IS",
    "ITA": "IT", "JAM": "JM", "JOR": "JO", "JPN": "JP", "KEN": "KE", "KGZ": "KG", "KHM": "KH",
    "KIR": "KI", "COM": "KM", "KNA": "KN", "PRK": "KP", "KOR": "KR", "KWT": "KW", "KAZ": "KZ",
    "LAO": "LA", "LBN": "LB", "LCA": "LC", "LIE": "LI", "LKA": "LK", "LBR": "LR", "LSO": "LS",
    "LTU": "LT", "LUX": "LU", "LVA": "LV", "LBY": "LY", "MAR": "MA", "MCO": "MC", "MDA": "MD",
    "MNE": "ME", "MDG": "MG", "MHL": "MH", "MKD": "MK", "MLI": "ML", "MMR": "MM", "MNG": "MN",
    "MRT": "MR", "MLT": "MT", "MUS": "MU", "MDV": "MV", "MWI": "MW", "MEX": "MX", "MYS": "MY",
    "MOZ": "MZ", "NAM": "NA", "NER": "NE", "NGA": "NG", "NIC": "NI", "NLD": "NL", "NOR": "NO",
    "NPL": "NP", "NRU": "NR", "NZL": "NZ", "OMN": "OM", "PAN": "PA", "PER": "PE", "PNG": "PG",
    "PHL": "PH", "PAK": "PK", "POL": "PL", "PSE": "PS", "PRT": "PT", "PLW": "PW", "PRY": "PY",
    "QAT": "QA", "ROU": "RO", "SRB": "RS", "RUS": "RU", "RWA": "RW", "SAU": "SA", "SLB": "SB",
    "SYC": "SC", "SDN": "SD", "SWE": "SE", "SGP": "SG", "SVN": "SI", "SVK": "SK", "SLE": "SL",
    "SMR": "SM", "SEN": "SN", "SOM": "SO", "SUR": "SR", "SSD": "SS", "STP": "ST", "SLV": "SV",
    "SYR": "SY", "SWZ": "SZ", "TCD": "TD", "TGO": "TG", "THA": "TH", "TJK": "TJ", "TLS": "TL",
    "TKM": "TM", "TUN": "TN", "TON": "TO", "TUR": "TR", "TTO": "TT", "TUV": "TV", "TWN": "TW",
    "TZA": "TZ", "UKR": "UA", "UGA": "UG", "USA": "US", "URY": "UY", "UZB": "UZ", "VAT": "VA",
    "VCT": "VC", "VEN": "VE", "VNM": "VN", "VUT": "VU", "WSM": "WS", "YEM": "YE", "ZAF": "ZA",
    "ZMB": "ZM", "ZWE": "ZW",
}
# fmt: on
"""Alpha-3 code → alpha-2 code (both upper-case)."""
