Route #1: 9 12 10 6
Route #2: 1
Route #3: 11 4 7 2
Route #4: 3 5 8
Cost 247
