"""Pure extractors: each reads an Article and returns findings with offsets."""
