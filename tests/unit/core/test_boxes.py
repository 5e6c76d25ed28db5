"""The smallest box the items fit in: turned any way, with room for padding."""

from app.domain.boxes import (
    BoxOption,
    Dimensions,
    PackedItem,
    box_choice,
    box_fits,
    suggest_box,
)

SMALL = BoxOption("BOX-S", "Small box", Dimensions(200, 150, 100), 120)
MEDIUM = BoxOption("BOX-M", "Medium box", Dimensions(300, 200, 150), 180)
LONG = BoxOption("BOX-L", "Long box", Dimensions(600, 100, 100), 200)
BOXES = [LONG, MEDIUM, SMALL]  # not in size order: the rule sorts


def test_the_smallest_box_that_holds_the_items_is_suggested():
    tea = PackedItem("TEA-001", Dimensions(120, 80, 60), 2)
    suggestion = suggest_box([tea], BOXES)
    assert suggestion.box == SMALL
    assert suggestion.message == "Box BOX-S (20×15×10 cm) fits these items."


def test_an_item_fits_turned_on_its_side_but_not_when_it_is_longer_than_the_box():
    standing = PackedItem("POSTER", Dimensions(90, 550, 90), 1)
    assert box_fits([standing], LONG) and not box_fits([standing], MEDIUM)
    assert suggest_box([standing], BOXES).box == LONG


def test_items_take_at_most_four_fifths_of_the_box():
    cube = PackedItem("CUBE", Dimensions(100, 100, 100), 3)  # 3 l in a 3 l small box
    assert not box_fits([cube], SMALL) and box_fits([cube], LONG)  # 3 l of its 6 l
    bigger = PackedItem("CUBE", Dimensions(110, 110, 110), 3)  # 4 l: over 4/5 of 6 l
    assert suggest_box([bigger], BOXES).box == MEDIUM


def test_no_suggestion_without_sizes_or_when_nothing_fits():
    unsized = PackedItem("MUG-002", Dimensions(), 1)
    assert suggest_box([unsized], BOXES).message == (
        "No box suggested: MUG-002 has no size in the catalogue.")
    assert suggest_box([PackedItem("TEA-001", Dimensions(1, 1, 1), 1)], [
        BoxOption("BOX-X", "no size", Dimensions(), 100)]).message == (
        "No box sizes in the catalogue: no box to suggest.")
    huge = PackedItem("CHAIR", Dimensions(800, 500, 500), 1)
    none = suggest_box([huge], BOXES)
    assert none.box is None and none.message.startswith("No box fits these items (the "
                                                        "largest is CHAIR)")


def test_a_box_too_small_is_said_with_the_one_that_fits():
    tea = PackedItem("TEA-001", Dimensions(250, 120, 60), 1)  # too wide for the long box
    fits, message = box_choice(SMALL, [tea], suggest_box([tea], BOXES))
    assert not fits and message == ("Box BOX-S is too small for these items; BOX-M fits. "
                                    "Scan the box you use.")
    fits, message = box_choice(MEDIUM, [tea], suggest_box([tea], BOXES))
    assert fits and message == "Box BOX-M (Medium box): its 180 g count in the parcel's weight."
