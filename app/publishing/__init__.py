"""Publishing: every export goes through one pipeline (app.publishing.pipeline.publish)."""
