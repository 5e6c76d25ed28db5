"""The GraphQL documents the Shopify adapter sends.

Each must stay under Shopify's single-query limit of 1000 requested points (a connection
costs 2 plus `first` times one node); the orders page is sized from what Shopify answers.
"""

LINE_FIELDS = """
fragment PackdeskLine on LineItem {
  id sku name quantity currentQuantity
  originalUnitPriceSet { shopMoney { amount currencyCode } }
}
"""

ORDERS = """
query PackdeskOrders($first: Int!, $after: String, $query: String!) {
  orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name email phone note createdAt updatedAt cancelledAt cancelReason
      displayFinancialStatus displayFulfillmentStatus
      customer { displayName }
      shippingAddress {
        name address1 address2 city province provinceCode zip countryCodeV2 phone
      }
      lineItems(first: 10) {
        pageInfo { hasNextPage endCursor }
        nodes { ...PackdeskLine }
      }
      fulfillments(first: 3) { id status trackingInfo(first: 3) { number company } }
    }
  }
}
""" + LINE_FIELDS
# An orders page asks for 10 lines an order (the rest come 100 at a time through
# ORDER_LINE_ITEMS): Shopify prices a query by its `first:` sizes, and 100 lines an order
# made a page of 50 cost 19,403 points against a 1,000 limit. 16 orders then cost ~900.
ORDERS_PER_PAGE = 16

LINES_PER_PAGE = 100

ORDER_LINE_ITEMS = """
query PackdeskOrderLineItems($id: ID!, $first: Int!, $after: String) {
  order(id: $id) {
    id
    lineItems(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { ...PackdeskLine }
    }
  }
}
""" + LINE_FIELDS

FULFILLMENT_ORDERS = """
query PackdeskFulfillmentOrders($id: ID!) {
  order(id: $id) {
    id
    fulfillments(first: 10) { id status trackingInfo(first: 5) { number company } }
    fulfillmentOrders(first: 4) {
      nodes {
        id status
        lineItems(first: 100) { nodes { id remainingQuantity lineItem { id } } }
      }
    }
  }
}
"""

FULFILLMENT_CREATE = """
mutation PackdeskFulfillmentCreate($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status trackingInfo(first: 5) { number company } }
    userErrors { field message }
  }
}
"""

INVENTORY_ITEM = """
query PackdeskInventoryItem($query: String!, $locationId: ID!) {
  inventoryItems(first: 2, query: $query) {
    nodes {
      id sku
      inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { name quantity } }
    }
  }
}
"""

SET_QUANTITIES = """
mutation PackdeskSetStock($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
    inventoryAdjustmentGroup { id reason changes { name delta quantityAfterChange } }
    userErrors { code field message }
  }
}
"""

ORDER_REFUNDS = """
query PackdeskOrderRefunds($id: ID!) {
  order(id: $id) {
    id currencyCode
    refunds(first: 50) { id note totalRefundedSet { shopMoney { amount currencyCode } } }
    transactions(first: 20) { id kind status gateway }
  }
}
"""

REFUND_CREATE = """
mutation PackdeskRefundCreate($input: RefundInput!, $idempotencyKey: String!) {
  refundCreate(input: $input) @idempotent(key: $idempotencyKey) {
    refund { id note totalRefundedSet { shopMoney { amount currencyCode } } }
    userErrors { field message }
  }
}
"""

# --- bulk export (a backfill: one JSONL file instead of thousands of cost-limited pages) ---
# A bulk query has no `first:` on its connections (Shopify pages it itself), at most five
# connections nested at most two deep; nested connection nodes come as their own JSONL lines
# with `__parentId`, in no promised order (groupObjects: false, the 2026-01 default, is the
# fast one). Lists that are not connections (fulfillments, trackingInfo) stay inline.
BULK_ORDERS = """
{
  orders(query: %(search)s, sortKey: UPDATED_AT) {
    edges {
      node {
        id name email phone note createdAt updatedAt cancelledAt cancelReason
        displayFinancialStatus displayFulfillmentStatus
        customer { displayName }
        shippingAddress {
          name address1 address2 city province provinceCode zip countryCodeV2 phone
        }
        fulfillments(first: 3) { id trackingInfo(first: 3) { number company } }
        lineItems {
          edges {
            node {
              id sku name quantity currentQuantity
              originalUnitPriceSet { shopMoney { amount currencyCode } }
            }
          }
        }
      }
    }
  }
}
"""

BULK_RUN = """
mutation PackdeskBulkOrders($query: String!) {
  bulkOperationRunQuery(query: $query, groupObjects: false) {
    bulkOperation { id status }
    userErrors { field message code }
  }
}
"""

BULK_STATUS = """
query PackdeskBulkStatus($id: ID!) {
  node(id: $id) {
    ... on BulkOperation {
      id status errorCode url partialDataUrl objectCount rootObjectCount createdAt query
    }
  }
}
"""

BULK_CURRENT = """
query PackdeskBulkCurrent {
  currentBulkOperation(type: QUERY) { id status query createdAt }
}
"""
