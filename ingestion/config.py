"""Ingestion's settings: plain pydantic, handed in by the caller (app owns the one settings object)."""

from pydantic import BaseModel, Field, model_validator

from ingestion.deid.config import DeidSettings


class IngestionSettings(BaseModel):
    max_file_bytes: int = Field(200 * 1024 * 1024, gt=0, description="Larger files are refused.")
    max_pages: int = Field(5000, gt=0, description="PDFs and TIFFs with more pages are refused.")
    max_stream_bytes: int = Field(
        75_000_000, gt=0, description="Cap on one decompressed PDF stream (decompression bombs)."
    )
    max_image_pixels: int = Field(
        150_000_000, gt=0, description="Cap on one image's pixels before it is decoded."
    )
    ocr_dpi: int = Field(300, ge=150, le=600, description="Highest resolution a scanned PDF page renders at for OCR.")
    ocr_language: str = "eng"
    ocr_timeout_s: float = Field(120, gt=0, description="Tesseract time limit for one page.")
    ocr_command: str | None = Field(
        None, description="Path of the tesseract program; None finds it on PATH. Reaches the loader's workers."
    )
    ocr_min_confidence: float = Field(
        40, ge=0, le=100, description="A scanned page read with lower mean confidence is unreadable."
    )
    ocr_low_confidence: float = Field(
        65, ge=0, le=100, description="A scanned page read with lower mean confidence is checked for a turned page "
        "(OSD) and, if it stays low, kept with a notice and its passages marked low-confidence.",
    )
    min_text_chars: int = Field(
        16, ge=0, description="A PDF page with fewer characters of text is treated as scanned."
    )
    day_first: bool = Field(
        False,
        description="The hospital's default order of numeric dates (False: 03/04/2024 is March 4; True: 3 April). "
        "A document whose own dates show their order (17/1/2024, 3/28/2024) is read in that order.",
    )
    max_passage_chars: int = Field(600, ge=80, description="Longer sentences are cut at spaces.")
    workers: int = Field(0, ge=0, description="Loader processes; 0 means one per CPU core.")
    max_file_seconds: float = Field(
        600, gt=0, description="A file whose pages take longer to read (summed over the workers) is left out."
    )
    context_tokens: int = Field(131072, gt=0, description="The model's context window.")
    reserve_instructions: int = Field(2048, ge=0, description="Tokens kept for the task prompt.")
    reserve_output: int = Field(8192, ge=0, description="Tokens kept for the model's answer.")
    deid: DeidSettings = Field(default_factory=DeidSettings)

    @property
    def prompt_budget(self) -> int:
        """Tokens the stitched record may take in one prompt."""
        return self.context_tokens - self.reserve_instructions - self.reserve_output

    @model_validator(mode="after")
    def _budget_left(self) -> "IngestionSettings":
        if self.prompt_budget < 1024:
            raise ValueError(
                f"context_tokens ({self.context_tokens}) minus the reserves for instructions and output "
                f"leaves {self.prompt_budget} tokens for the record; at least 1024 are needed"
            )
        return self
