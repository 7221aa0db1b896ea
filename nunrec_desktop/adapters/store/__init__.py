"""Where recordings come from: one `RecordingStore` interface, with a folder and an HTTP implementation."""
