"""Cloudflare constructs: DNS records in a zone that is looked up, never created."""
