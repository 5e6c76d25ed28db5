"""The flash-sale harness: many order streams and stations against one SKU (`make stress`)."""
