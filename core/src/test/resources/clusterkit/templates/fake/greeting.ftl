Hello [=name]!
