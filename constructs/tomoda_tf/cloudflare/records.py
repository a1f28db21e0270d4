"""Records in the estate's Cloudflare zone. The zone exists already (it holds every other
host, written by external-dns); it is looked up by name, never created here.

Cloudflare is DNS only for this estate: every record is `proxied = false`, so the class
offers no way to turn proxying on.
"""
from __future__ import annotations

import cdktf
from constructs import Construct

AUTOMATIC_TTL = 1


def _relative(value: str) -> str:
    return cdktf.Fn.trimsuffix(value, ".") if cdktf.Token.is_unresolved(value) else value.rstrip(".")


class ZoneRecords(Construct):
    def __init__(self, scope: Construct, id: str, *, domain: str):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_cloudflare.data_cloudflare_zone import (
            DataCloudflareZone, DataCloudflareZoneFilter)

        self.zone = DataCloudflareZone(self, "zone", filter=DataCloudflareZoneFilter(name=domain))
        self.records = []

    def record(self, id: str, *, name: str, type: str, content: str):
        from cdktf_cdktf_provider_cloudflare.dns_record import DnsRecord

        # ACM hands out names and targets as absolute FQDNs; Cloudflare stores them without
        # the final dot, which would otherwise show as a diff on every plan.
        rec = DnsRecord(self, id, zone_id=self.zone.id, name=_relative(name), type=type,
                        content=_relative(content), ttl=AUTOMATIC_TTL, proxied=False)
        self.records.append(rec)
        return rec
