"""Forum adapters: a thread's URL in, its posts out, in the posters' own words."""
