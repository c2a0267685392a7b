Route #1: 6 1 2 5 7 9
Route #2: 10 8 3 4 11 13
Route #3: 14 21 19 16
Route #4: 17 20 18 15 12
Cost 375
