"""The correspondents' pages: submit a piece with its photo, follow it, revise it when sent back,
withdraw it, and choose which mail to get.

views.py is thin: forms.py validates (SubmissionForm, the length rules of submissions.py),
submissions.py writes the piece, its byline and its photo (a photo that arrives with an invalid
form is kept as a PendingPhoto so nothing is lost), and every status move goes through
editorial.workflow. Nothing imports this app; kfq_site/urls.py includes portal/urls.py.
"""
