from coffeechat.accounts.ownership import post_only as owned_post_only
from coffeechat.contacts.models import Contact
from coffeechat.interviews.models import Interview, InterviewQuestion, NextStep

# Like ``require_POST``, but someone else's id is a 404 whatever the method (a 405 would
# tell them the record exists): each URL argument names the model it is an id of.
post_only = owned_post_only(
    pk=Interview, question_pk=InterviewQuestion, todo_pk=NextStep, contact_pk=Contact
)
