"""The Shopify test server's query-cost calculation, against the rules Shopify documents
(scalar/enum 0, object 1, connection 2 + first x one node, mutation 10)."""

from __future__ import annotations

from tests.channel_servers.graphql_cost import actual_cost, requested_cost

PRODUCTS = """
query { products(first: 10) { edges { node { title
    variants(first: 5) { edges { node { price } } } } } } }
"""


def test_nested_connections_multiply():
    # products: 2 + 10 x (1 product + variants); variants: 2 + 5 x (1 variant + price 0) = 7
    # = 2 + 10 x (1 + 7) = 82
    assert requested_cost(PRODUCTS) == 82


def test_variables_size_the_connection_and_objects_cost_one():
    query = ("query Q($first: Int!) { orders(first: $first) { pageInfo { hasNextPage } "
             "nodes { id customer { displayName } } } }")
    # 2 + pageInfo 1 + 3 x (1 order + customer 1) = 9
    assert requested_cost(query, {"first": 3}) == 9


def test_a_mutation_costs_ten():
    assert requested_cost("mutation M($x: X!) { fulfillmentCreate(fulfillment: $x) "
                          "{ fulfillment { id } userErrors { field message } } }") == 10


def test_actual_cost_counts_what_came_back():
    query = ("query Q($first: Int!) { orders(first: $first) { nodes { id "
             "customer { displayName } } } }")
    data = {"orders": {"nodes": [{"id": "1", "customer": None}, {"id": "2", "customer": {}}]}}
    # requested 2 + 50 x 2 = 102; actual 2 + (1 + 0 null customer) + (1 + 1) = 5
    assert requested_cost(query, {"first": 50}) == 102
    assert actual_cost(query, {"first": 50}, data) == 5


def test_fragments_cost_what_they_select():
    spread = ("query Q { order(id: \"1\") { lineItems(first: 4) { nodes { ...Line } } } }\n"
              "fragment Line on LineItem { id originalUnitPriceSet { shopMoney { amount } } }")
    inline = ("query Q { order(id: \"1\") { lineItems(first: 4) { nodes { ... on LineItem "
              "{ id originalUnitPriceSet { shopMoney { amount } } } } } } }")
    # order 1 + lineItems (2 + 4 x (1 line + priceSet 1 + shopMoney 1)) = 15
    assert requested_cost(spread) == requested_cost(inline) == 15
