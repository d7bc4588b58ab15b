"""Official watchlists: parsing the published files, importing versions, fetching them, and
matching partner names against them."""
