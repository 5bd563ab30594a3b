from django.contrib import admin

from coffeechat.accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["owner", "name", "school", "class_year", "major"]
    search_fields = ["name", "owner__username", "school"]
