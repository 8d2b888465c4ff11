"""An Elasticsearch 7 node as the official client sees it, without a server: an elasticsearch.Connection
that records every request and answers with responses in the shapes Elasticsearch 7.17 returns
(`GET /` info with the product header, index and mapping calls, `_bulk`, `_search` with hits and terms
aggregations, `_doc` deletes). It keeps the documents it is sent and answers a search with the ones a
test chose (`answer`) or with all of them, and the aggregations counted over those.

Plugged in through haystack's own connection options: KWARGS={"connection_class": FakeConnection}.
"""

import json
from collections import Counter

from elasticsearch import Connection

INFO = {
    "name": "fake",
    "cluster_name": "fupin-test",
    "version": {
        "number": "7.17.13",
        "build_flavor": "default",
        "build_type": "deb",
        "lucene_version": "8.11.1",
        "minimum_wire_compatibility_version": "6.8.0",
        "minimum_index_compatibility_version": "6.0.0-beta1",
    },
    "tagline": "You Know, for Search",
}


class Node:
    """What the fake node holds and what it was sent (one per test)."""

    def __init__(self):
        self.requests = []  # (method, path, params, body)
        self.indices = {}  # name -> {"settings": ..., "mappings": ...}
        self.docs = {}  # _id -> source
        self.answer = None  # ids a search returns (None: every document)

    def sent(self, method=None, path_end=None):
        return [
            r
            for r in self.requests
            if (method is None or r[0] == method) and (path_end is None or r[1].rstrip("/").endswith(path_end))
        ]

    def handle(self, method, path, params, body):
        parts = [p for p in path.split("?")[0].split("/") if p]
        if not parts:
            return 200, INFO
        if parts[-1] == "_bulk":
            return 200, self._bulk(body)
        if parts[-1] == "_search":
            return 200, self._search(body or {})
        if parts[-1] == "_refresh":
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        if parts[-1] == "_mapping":
            name = parts[0]
            if method == "GET":
                if name not in self.indices:
                    return 404, {
                        "error": {"type": "index_not_found_exception", "reason": f"no such index [{name}]"},
                        "status": 404,
                    }
                return 200, {name: {"mappings": self.indices[name].get("mappings", {})}}
            self.indices.setdefault(name, {})["mappings"] = body
            return 200, {"acknowledged": True}
        if len(parts) == 1 and method == "PUT":
            if parts[0] in self.indices:
                return 400, {"error": {"type": "resource_already_exists_exception"}, "status": 400}
            self.indices[parts[0]] = dict(body or {})
            return 200, {"acknowledged": True, "shards_acknowledged": True, "index": parts[0]}
        if len(parts) == 1 and method == "DELETE":
            self.indices.pop(parts[0], None)
            self.docs.clear()
            return 200, {"acknowledged": True}
        if len(parts) == 3 and parts[1] == "_doc" and method == "DELETE":
            found = self.docs.pop(parts[2], None)
            return (200 if found else 404), {"_id": parts[2], "result": "deleted" if found else "not_found"}
        return 400, {"error": {"type": "fake_does_not_know", "reason": f"{method} {path}"}, "status": 400}

    def _bulk(self, body):
        lines = (
            [json.loads(line) for line in body.decode("utf-8").splitlines() if line.strip()]
            if isinstance(body, bytes)
            else [json.loads(line) for line in body.splitlines() if line.strip()]
        )
        items, i = [], 0
        while i < len(lines):
            action, meta = next(iter(lines[i].items()))
            if action == "delete":
                self.docs.pop(meta["_id"], None)
                items.append({"delete": {"_id": meta["_id"], "status": 200, "result": "deleted"}})
                i += 1
                continue
            self.docs[meta["_id"]] = lines[i + 1]
            items.append(
                {
                    action: {
                        "_index": meta.get("_index", "fupin"),
                        "_id": meta["_id"],
                        "status": 201,
                        "result": "created",
                    }
                }
            )
            i += 2
        return {"took": 3, "errors": False, "items": items}

    def _search(self, body):
        ids = list(self.docs) if self.answer is None else [i for i in self.answer if i in self.docs]
        size, start = body.get("size", 10), body.get("from", 0)
        hits = [
            {"_index": "fupin", "_type": "_doc", "_id": i, "_score": 1.0, "_source": self.docs[i]}
            for i in ids[start : start + size]
        ]
        out = {
            "took": 2,
            "timed_out": False,
            "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
            "hits": {"total": {"value": len(ids), "relation": "eq"}, "max_score": 1.0, "hits": hits},
        }
        aggs = {}
        for name, spec in (body.get("aggs") or {}).items():
            field = spec["terms"]["field"]
            counts = Counter()
            for i in ids:
                value = self.docs[i].get(field)
                for v in value if isinstance(value, list) else [value]:
                    if v is not None:
                        counts[v] += 1
            buckets = [{"key": k, "doc_count": n} for k, n in counts.most_common(spec["terms"].get("size", 10))]
            aggs[name] = {
                "meta": spec.get("meta", {}),
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": buckets,
            }
        if aggs:
            out["aggregations"] = aggs
        if "suggest" in body:
            text = body["suggest"]["suggest"]["text"]
            out["suggest"] = {"suggest": [{"text": text, "offset": 0, "length": len(text), "options": []}]}
        return out


NODE = Node()


class FakeConnection(Connection):
    def perform_request(self, method, url, params=None, body=None, timeout=None, ignore=(), headers=None):
        decoded = body
        if isinstance(body, bytes | str) and not url.rstrip("/").endswith("_bulk"):
            decoded = json.loads(body) if body else None
        NODE.requests.append((method, url, dict(params or {}), decoded))
        status, data = NODE.handle(method, url, params, decoded)
        raw = json.dumps(data)
        if not (200 <= status < 300) and status not in ignore:
            self._raise_error(status, raw)
        return status, {"x-elastic-product": "Elasticsearch", "content-type": "application/json"}, raw
