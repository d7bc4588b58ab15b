from resguardo.testing.walk import WalkFixtures

WALK = WalkFixtures()
