"""Views: the analyst's questions answered over stored records (pure functions of records).

One module per view, each with one public function: ``meetings``, ``ledger``, ``readouts``
and ``actor_timeline``; ``stored_records`` reads the records back from a store.
"""
