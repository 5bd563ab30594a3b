# A student's to-do is a "next step", the word they read: the model is named for it.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("interviews", "0004_research_is_the_contacts")]

    operations = [migrations.RenameModel("Todo", "NextStep")]
