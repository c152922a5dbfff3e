"""Article → Document: cleaning, parsing and the analysis stages. The spaCy Doc stays in here."""
