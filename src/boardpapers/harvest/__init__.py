"""harvest: fetching papers from where councils publish them.

``http`` (the one place a harvest touches the network: cache, retries, robots.txt, pace),
``run`` (fetch once, save, remember in the store's harvest table, ingest), and one module
per kind of site: ``moderngov`` (the mgWebService.asmx web service), ``cmis`` (CMIS
meeting pages), ``feeds`` (RSS and Atom), ``watch`` (a shared folder).
"""
