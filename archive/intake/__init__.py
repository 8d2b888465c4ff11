"""Intake: the plumbing around the pure stages (archive/ingest: bytes -> Document, no database, no
processes). Every file is carried in one record, record.Entry, from where it comes in to its
stored report:

  accept    a request's files checked and kept, their batch queued (the upload admin)
  jobs      a batch's job: zips unpacked, every item ingested, its outcome on its item (archive/tasks.py)
  batch     ingest_many: many files, the stages in worker processes, stored a chunk at a time, indexed
  workers   the worker processes, started fresh from the fork server; the stages over Entries
  uploads   keeping bytes: one Upload per distinct content, hashed once
  service   storing a chunk (archive/ingest/store.py, stage 7) and marking its Uploads; one file at a time
  record    Entry and Outcome, and the one "already ingested" rule
"""
