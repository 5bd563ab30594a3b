"""The Export page and the `export` and `restore` commands: a user's data out as files
(a JSON backup, a CSV spreadsheet, vCards) and a backup back into an empty account.

An app of its own, above every app with data: the backup framework (coffeechat.backup)
imports no app, and the page shows the contacts' export formats beside the restore, which
fills every app's part (docs/ARCHITECTURE.md says why it is not in contacts).
"""
