"""Password rules with their messages in Chinese.

Django 5.2's MinimumLengthValidator asks for its message under a msgid ("... at least %d
characters.") that its zh_Hans catalogue does not have (the catalogue still holds the older
"%(min_length)d" form), so the refusal came out in English. Its other messages, and the other
validators', are translated.
"""

from django.contrib.auth import password_validation


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return f"密码太短，至少需要 {self.min_length} 个字符。"
