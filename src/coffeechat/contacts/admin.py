from django.contrib import admin

from coffeechat.contacts.models import Contact, Organization, Tag


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["first_name", "last_name", "organization", "title", "source", "owner"]
    list_filter = ["source"]
    search_fields = ["first_name", "last_name", "title"]
    raw_id_fields = ["organization", "referred_by", "owner"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "industry", "owner"]
    search_fields = ["name"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "owner"]
