"""A Textual Validator that asks a pydantic model whether one of its fields would accept a
value, so the form says exactly what the store would say."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from textual.validation import ValidationResult, Validator


class ModelField(Validator):
    """Valid when `model`'s `field` accepts the text (empty text passes if `optional`)."""

    def __init__(self, model: type[BaseModel], field: str, *, optional: bool = False) -> None:
        super().__init__()
        info = model.model_fields[field]
        self._adapter: TypeAdapter[Any] = TypeAdapter(Annotated[info.annotation, info])
        self._optional = optional

    def validate(self, value: str) -> ValidationResult:
        if self._optional and not value.strip():
            return self.success()
        try:
            self._adapter.validate_python(value)
        except ValidationError as exc:
            message = str(exc.errors()[0].get("msg", "not valid"))
            return self.failure(message.removeprefix("Value error, "))
        return self.success()
